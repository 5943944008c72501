r"""
等队列变空再 terminate()
========================

原笔记的第三种写法：主进程等到 ``q.empty()`` 为真再终止读取方。
队列空了只说明数据都被取走了，不说明读取方处理完了：最后取出的那一项正在处理时，读取方就被杀掉了。
"""

# %%
# 读取方取出一项后要“处理” 0.2 秒，处理完才打印“处理完”。
import multiprocessing
import time


def writer(q):
    for value in "ABCDE":
        q.put(value)


def reader(q):
    for _ in range(10):  # 原笔记是 while True；这里设个上限
        value = q.get()
        print("取出", value, flush=True)
        time.sleep(0.2)
        print("处理完", value, flush=True)


# %%
# 主进程每 0.02 秒查一次队列（原笔记是不停地空转查询），一空就终止读取方。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    pw = multiprocessing.Process(target=writer, args=(q,))
    pr = multiprocessing.Process(target=reader, args=(q,))
    pw.start()
    pr.start()
    pw.join()
    for _ in range(500):  # 最多等 10 秒
        if q.empty():
            break
        time.sleep(0.02)
    print("主进程看到队列为空，终止读取方")
    pr.terminate()
    pr.join()
    print("读取方退出码", pr.exitcode)
