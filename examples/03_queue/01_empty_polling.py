r"""
用 empty() 轮询的读取方会漏读
=============================

原笔记的读取方用 ``while not q.empty()`` 循环：只要写入方中途停顿一下，
读取方就会看到空队列而提前退出。这里用 ``Event`` 让停顿恰好发生在
读取方检查 ``empty()`` 的时候，所以每次运行都会漏读。
"""

# %%
# 写入方先放入三项，等读取方退出后再放入两项；读取方按原笔记的写法，队列一空就结束。
import multiprocessing
import queue


def writer(q, first_batch_put, reader_done):
    for value in "ABC":
        q.put(value)
    first_batch_put.set()
    reader_done.wait(timeout=5)  # 写入方“停顿”：等读取方退出后再继续
    for value in "DE":
        q.put(value)


def reader(q, first_batch_put, reader_done):
    first_batch_put.wait(timeout=5)
    got = []
    while not q.empty():
        got.append(q.get())
    print("读取方看到队列为空，退出；读到", got)
    reader_done.set()


# %%
# 两个进程结束后，主进程把队列里剩下的数据取出来：这些都是读取方漏掉的。
# 注意：先 join 写入方、再取数据，只因为剩下的两项很小，能整个写进管道的缓冲区；
# 数据多时这样会死锁（写入方要等数据写完才退出），
# 见文档编程指南“Joining processes that use queues”。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    first_batch_put = multiprocessing.Event()
    reader_done = multiprocessing.Event()
    args = (q, first_batch_put, reader_done)
    pw = multiprocessing.Process(target=writer, args=args)
    pr = multiprocessing.Process(target=reader, args=args)
    pw.start()
    pr.start()
    pr.join()
    pw.join()

    left = []
    for _ in range(5):
        try:
            left.append(q.get(timeout=0.5))
        except queue.Empty:
            break
    print("留在队列里、没人读的：", left)
