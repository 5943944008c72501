r"""
写完就 terminate() 读取方
=========================

原笔记的第二种写法：读取方 ``while True`` 一直读，主进程等写入方结束后用 ``terminate()`` 杀掉它。
读取方比写入方慢时，被杀掉时队列里还有没读的数据；如果它正好在 ``get()`` 里被杀，
它拿着的读锁再也不会释放，队列里的数据谁也读不出来了。
"""

# %%
# 读取方每读一项要“处理” 0.2 秒；``flush=True``：被 ``terminate()`` 的进程来不及刷新缓冲区。
import multiprocessing
import queue
import time


def writer(q):
    for value in "ABCDE":
        q.put(value)


def reader(q, started):
    for _ in range(10):  # 原笔记是 while True；这里设个上限，示例不会无限运行
        started.set()  # 马上要调用 get()
        value = q.get()
        print("读取方处理", value, flush=True)
        time.sleep(0.2)


def drain(q):
    """主进程把队列里剩下的取出来；取不到就说明原因。"""
    left = []
    try:
        while len(left) < 5:
            left.append(q.get(timeout=1))
    except queue.Empty:
        pass
    print(f"  q.empty() = {q.empty()}，主进程取到：{left}")


# %%
# 第一段：原笔记的写法。写入方结束后再等 0.3 秒才终止读取方，这时读取方多半在“处理”。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    started = multiprocessing.Event()
    pw = multiprocessing.Process(target=writer, args=(q,))
    pr = multiprocessing.Process(target=reader, args=(q, started))
    pw.start()
    pr.start()
    pw.join()
    time.sleep(0.3)
    pr.terminate()
    pr.join()
    print("读取方被终止，退出码", pr.exitcode)
    drain(q)

# %%
# 第二段：队列空着时读取方正等在 ``get()`` 里，它拿着队列的读锁。
# 这时终止它，再往队列里放三项：数据就在队列里，``get()`` 却拿不到读锁。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    started = multiprocessing.Event()
    pr = multiprocessing.Process(target=reader, args=(q, started))
    pr.start()
    started.wait(timeout=10)
    time.sleep(0.2)  # 让读取方进入 get()
    pr.terminate()
    pr.join()
    print("在 get() 里被终止，退出码", pr.exitcode)
    for value in "XYZ":
        q.put(value)
    time.sleep(0.2)  # 让 feeder 线程把数据写进管道
    drain(q)
