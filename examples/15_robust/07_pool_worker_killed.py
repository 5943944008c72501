r"""
Pool 的工作进程被杀
===================

``multiprocessing.Pool`` 发现工作进程没了，会补上一个新的，进程池照常可用；
但被杀的那个进程手上的任务就此消失，它的结果永远不会到来。不带超时的 ``get()`` 会一直等下去。
（``ProcessPoolExecutor`` 遇到同样的情况会抛出 ``BrokenProcessPool``。）
"""

# %%
# 任务只要 0.5 秒。它一开始就通知主进程，主进程随即杀掉执行它的工作进程。
import multiprocessing
import os
import signal
import time


def long_task(started):
    started.set()
    time.sleep(0.5)
    return "做完了"


# %%
# 任务开始后从外面杀掉工作进程（在 Windows 上 ``os.kill`` 直接终止进程）。
# 如果任务被重新执行，2 秒内早该做完了。
if __name__ == "__main__":
    manager = multiprocessing.Manager()
    with manager, multiprocessing.Pool(1) as pool:
        victim = pool.apply(os.getpid)
        started = manager.Event()
        result = pool.apply_async(long_task, (started,))
        started.wait(timeout=10)
        os.kill(victim, signal.SIGTERM)
        try:
            result.get(timeout=2)
        except multiprocessing.TimeoutError:
            print("get(timeout=2)：等不到结果，被杀的任务没有重做")
        print("任务的 ready()：", result.ready())
        replacement = pool.apply(os.getpid, ())
        print("进程池补了一个新的工作进程，照常可用：", replacement != victim)
