r"""
用哨兵结束读取方
================

写入方写完后放入一个约定的“哨兵”（这里是 ``None``），
读取方用阻塞的 ``get()`` 一直读到哨兵为止。无论写入方中途停顿多久，
读取方都不会漏读，也不需要 ``empty()`` 或 ``terminate()``。
"""

# %%
# 写入方在每两项之间停顿一下；读取方 ``for value in iter(q.get, SENTINEL)``
# 在队列暂时为空时阻塞等待，而不是退出。
import multiprocessing
import time

SENTINEL = None


def writer(q):
    for value in "ABCDE":
        q.put(value)
        time.sleep(0.1)
    q.put(SENTINEL)


def reader(q):
    got = []
    for value in iter(q.get, SENTINEL):
        got.append(value)
    print("读取方读到", got)


# %%
# 有几个读取方就放几个哨兵，每个读取方各取走一个。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    pw = multiprocessing.Process(target=writer, args=(q,))
    pr = multiprocessing.Process(target=reader, args=(q,))
    pw.start()
    pr.start()
    pw.join()
    pr.join()
    print("读取方正常退出，退出码", pr.exitcode)
