r"""
线程信号量
==========

原笔记的例子：10 个线程争夺 ``threading.Semaphore(2)``。10 个线程都在运行，
但同一时刻最多只有 2 个在 ``with semaphore:`` 里面。本例记录并打印这个数的峰值。
"""

# %%
# ``holding`` 是此刻持有信号量的线程数，用一把普通的线程锁保护。
import threading
import time

semaphore = threading.Semaphore(2)
counter_lock = threading.Lock()
holding = 0
peak = 0


def worker(i):
    global holding, peak
    print(f"线程 {i} 等待信号量")
    with semaphore:
        with counter_lock:
            holding += 1
            peak = max(peak, holding)
        print(f"线程 {i} 拿到信号量")
        time.sleep(0.2)
        with counter_lock:
            holding -= 1
    print(f"线程 {i} 释放信号量")


# %%
# 启动 10 个线程并等它们全部结束。
if __name__ == "__main__":
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("同时持有信号量的线程最多：", peak)
