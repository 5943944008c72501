r"""
max_tasks_per_child 与 mp_context
=================================

Python 3.11 起，``max_tasks_per_child=n`` 让工作进程做完 n 个任务就退出，由新进程接替，
用来对付内存泄漏这类随时间累积的问题。它不能和 fork 启动方式一起用；
``mp_context`` 指定执行器用哪种启动方式。
"""

# %%
# 任务返回执行它的进程号。
import concurrent.futures
import multiprocessing
import os


def whoami(_):
    return os.getpid()


# %%
# 两个工作进程、六个任务、每个进程只做一个任务：一共用到六个进程。
# （``n`` 大于 1、又有任务积压时，没有修复 gh-115634 的版本会卡住，见正文。）
if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    pool = concurrent.futures.ProcessPoolExecutor(2, mp_context=spawn, max_tasks_per_child=1)
    with pool as executor:
        pids = list(executor.map(whoami, range(6)))
    per_process = [pids.count(pid) for pid in dict.fromkeys(pids)]
    print(f"用到的进程数：{len(per_process)}，各做了几个任务：{per_process}")

# %%
# 明确给出 fork 上下文时，构造函数直接拒绝。
if __name__ == "__main__":
    if "fork" in multiprocessing.get_all_start_methods():
        fork = multiprocessing.get_context("fork")
        try:
            concurrent.futures.ProcessPoolExecutor(1, mp_context=fork, max_tasks_per_child=1)
        except ValueError as exc:
            print("mp_context=fork：ValueError:", exc)

# %%
# ``multiprocessing.Pool`` 的 ``maxtasksperchild`` 是同一个功能，每个进程做两个任务也没有问题。
if __name__ == "__main__":
    with multiprocessing.Pool(1, maxtasksperchild=2) as pool:
        pids = [pool.apply_async(os.getpid) for _ in range(6)]
        pids = [r.get(timeout=30) for r in pids]
    per_process = [pids.count(pid) for pid in dict.fromkeys(pids)]
    print(f"Pool(maxtasksperchild=2)：用到的进程数 {len(per_process)}，各做了 {per_process} 个任务")
