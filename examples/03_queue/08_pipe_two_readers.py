r"""
两个读取方共用管道的同一端
==========================

原笔记的管道写法：一个进程往管道一端写，两个进程从另一端读。多个进程同时读写“同一端”时数据可能损坏，
所以两个读取方在 ``recv()`` 外面加了同一把进程锁；锁在主进程里创建，作为参数传给它们。
"""

# %%
# 写入方发送四项，两个读取方各读两项，读之前先拿锁。
import multiprocessing
import time


def writer(conn):
    for value in "ABCD":
        conn.send(value)
        time.sleep(0.1)


def reader(name, conn, lock):
    for _ in range(2):
        with lock:
            value = conn.recv()
        print(f"{name} 读到 {value}")


# %%
# 读取方读到哪几项取决于谁先拿到锁，每次运行可能不同；四项合起来总是 A、B、C、D 各一次。
if __name__ == "__main__":
    lock = multiprocessing.Lock()
    parent_conn, child_conn = multiprocessing.Pipe()
    pw = multiprocessing.Process(target=writer, args=(child_conn,))
    readers = [
        multiprocessing.Process(target=reader, args=(name, parent_conn, lock))
        for name in ("读取方1", "读取方2")
    ]
    pw.start()
    for p in readers:
        p.start()
    pw.join()
    for p in readers:
        p.join()
