r"""
BrokenProcessPool 与恢复
========================

工作进程异常退出（被杀掉，或者调用了 ``os._exit()``），整个进程池就坏了：
还没完成的任务都得到 ``BrokenProcessPool``，执行器也不能再用。
恢复的办法是换一个新的执行器，重新提交没完成的任务。
"""

# %%
# 任务 4 是“毒药”：睡 0.1 秒后直接 ``os._exit(1)``。其余任务：1 到 3 很快，5 到 8 各要 0.3 秒。
import concurrent.futures
import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool

POISON = 4


def work(n):
    if n == POISON:
        time.sleep(0.1)
        os._exit(1)
    time.sleep(0.01 if n < POISON else 0.3)
    return n * 10


def run_all(tasks):
    done, failed = {}, []
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        futures = {executor.submit(work, n): n for n in tasks}
        for future, n in futures.items():
            try:
                done[n] = future.result()
            except BrokenProcessPool:
                failed.append(n)
    return done, failed


# %%
# 第一轮：毒药之前完成的任务拿到了结果，之后的全部失败。
if __name__ == "__main__":
    done, failed = run_all(range(1, 9))
    print(f"第一轮完成：{sorted(done)}；失败：{failed}")

# %%
# 恢复：坏掉的执行器不再用。失败的任务逐个放进新的执行器重试，
# 再次弄坏执行器的就是毒药，把它隔离出来。
if __name__ == "__main__":
    executor = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    for n in failed:
        try:
            done[n] = executor.submit(work, n).result()
        except BrokenProcessPool:
            print(f"任务 {n} 又让工作进程异常退出，隔离它")
            executor.shutdown()
            executor = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    executor.shutdown()
    print("最终结果：", dict(sorted(done.items())))

# %%
# 从外面杀掉工作进程（``SIGTERM``；在 Windows 上 ``os.kill`` 会直接终止进程），效果一样。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as executor:
        worker = executor.submit(os.getpid).result()
        slow = executor.submit(time.sleep, 0.5)
        os.kill(worker, signal.SIGTERM)
        try:
            slow.result()
        except BrokenProcessPool as exc:
            print("工作进程被杀后：BrokenProcessPool:", exc)
