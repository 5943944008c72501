"""
守护进程与非守护进程
====================

主进程的代码执行完后，解释器退出前会等待所有非守护子进程结束，而守护子进程会被直接终止。
这里主进程不调用 ``join()``：非守护进程的输出照常出现，守护进程的那一行永远不会打印。
"""

# %%
import time
from multiprocessing import Process


def report(name, seconds):
    time.sleep(seconds)
    print(f"{name}: slept {seconds} s")


# %%
if __name__ == "__main__":
    normal = Process(target=report, args=("non-daemon", 0.3))
    daemon = Process(target=report, args=("daemon", 1.5), daemon=True)
    normal.start()
    daemon.start()
    print("main: code finished, no join()")
