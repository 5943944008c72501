r"""
写完就 terminate() 读取方
=========================

原笔记的第二种写法：读取方 ``while True`` 一直读，
主进程等写入方结束后用 ``terminate()`` 杀掉读取方。
读取方处理得比写入方慢时，被杀掉时队列里还有没读的数据。
"""

# %%
# 写入方一次写完五项；读取方每读一项要“处理” 0.2 秒。
import multiprocessing
import queue
import time


def writer(q):
    for value in "ABCDE":
        q.put(value)


def reader(q):
    for _ in range(10):  # 原笔记是 while True；这里设个上限，示例不会无限运行
        value = q.get()
        print("读取方处理", value, flush=True)
        time.sleep(0.2)


# %%
# 写入方一结束就终止读取方，然后看看队列里还剩什么。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    pw = multiprocessing.Process(target=writer, args=(q,))
    pr = multiprocessing.Process(target=reader, args=(q,))
    pw.start()
    pr.start()
    pw.join()
    pr.terminate()
    pr.join()
    print("读取方被终止，退出码", pr.exitcode)

    left = []
    for _ in range(5):
        try:
            left.append(q.get(timeout=0.5))
        except queue.Empty:
            break
    print("没来得及读的：", left)
