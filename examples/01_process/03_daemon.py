"""
守护进程与非守护进程
====================

主进程的代码执行完后，``multiprocessing`` 先终止还在运行的守护子进程，再等待非守护子进程结束。
所以守护进程哪怕只比主进程多睡 0.3 秒，它的那一行也不会打印；睡 1 秒的非守护进程照常打印。
"""

# %%
import time
from multiprocessing import Process


def report(name, seconds):
    time.sleep(seconds)
    print(f"{name}：睡了 {seconds} 秒", flush=True)


# %%
# 主进程不调用 ``join()``，最后一行打印完就开始退出。
if __name__ == "__main__":
    normal = Process(target=report, args=("非守护进程", 1.0))
    daemon = Process(target=report, args=("守护进程", 0.3), daemon=True)
    normal.start()
    daemon.start()
    print("主进程：代码执行完了，没有调用 join()")
