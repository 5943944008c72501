r"""
ThreadPool：线程版的进程池
==========================

``multiprocessing.pool.ThreadPool`` 与 ``Pool`` 接口完全相同，只是工作者是主进程里的线程：
所有任务打印出同一个进程号。
"""

# %%
# 原笔记的例子，随机睡眠换成了固定的、长短不一的睡眠。
import multiprocessing
import os
import threading
import time
from multiprocessing.pool import ThreadPool

DELAYS = [0.4, 0.1, 0.3, 0.2]


def long_time_task(name):
    print(f"任务 {name} 开始：进程 {os.getpid()}，{threading.current_thread().name}")
    time.sleep(DELAYS[name])
    print(f"任务 {name} 结束，用时 {DELAYS[name]} 秒")


# %%
# 四个线程同时开工，“结束”的先后由睡眠长短决定，而不是按提交顺序。
if __name__ == "__main__":
    print("主进程", os.getpid(), "CPU 数", multiprocessing.cpu_count())
    with ThreadPool(4) as pool:
        for i in range(4):
            pool.apply_async(long_time_task, (i,))
        pool.close()
        pool.join()
    print("全部完成")
