r"""
僵尸进程与 active_children()
============================

子进程结束后、父进程回收（``join()``）它之前，操作系统保留着它的进程表项和退出状态：
这就是僵尸进程。``multiprocessing.active_children()`` 顺带回收所有已经结束的子进程。
这里读 Linux 的 ``/proc`` 查看进程状态。
"""

# %%
# ``/proc/<pid>/stat`` 里右括号之后的第一个字段是进程状态，``Z`` 表示僵尸。
import multiprocessing
import multiprocessing.connection
import os
import time


def quick():
    pass


def state(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            code = f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "不存在了（已被回收）"
    return "Z（僵尸进程）" if code == "Z" else code


def settled_state(pid):
    # 进程关闭文件之后还要一小会儿才变成僵尸；最多等 2 秒，直到它不再是运行或睡眠状态。
    deadline = time.monotonic() + 2
    while state(pid) in ("R", "S", "D") and time.monotonic() < deadline:
        time.sleep(0.01)
    return state(pid)


# %%
# 等子进程结束但不 ``join()``：``sentinel`` 变为就绪只说明它结束了，并不回收它。
# forkserver 下子进程的父进程是服务进程，由服务进程负责回收。
if __name__ == "__main__":
    if not os.path.exists("/proc/self/stat"):
        print("本平台没有 /proc，无法查看进程状态")
    else:
        print("启动方式：", multiprocessing.get_start_method())
        p = multiprocessing.Process(target=quick)
        p.start()
        multiprocessing.connection.wait([p.sentinel], timeout=10)
        print("子进程已结束、尚未 join()：", settled_state(p.pid))
        print("active_children() 返回：", multiprocessing.active_children())
        print("调用 active_children() 之后：", state(p.pid))
        print("exitcode：", p.exitcode)
