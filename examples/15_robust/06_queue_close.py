r"""
Queue.close、join_thread 与 cancel_join_thread
==============================================

``close()`` 表示本进程不再往队列里放数据；``join_thread()`` 等后台的 feeder 线程
把已放入的数据全部写进管道，进程退出时默认也会这样等。
``cancel_join_thread()`` 取消这一步：进程可以立即退出，代价是没写完的数据丢失。
"""

# %%
# 子进程放入 1 MiB 的数据（超过管道缓冲区）后，按三种方式收尾。
import multiprocessing

SIZE = 1024 * 1024


def producer(q, how):
    q.put(b"x" * SIZE)
    if how == "close + join_thread":
        q.close()
        q.join_thread()  # 在这里等，直到数据全部写进管道，也就是父进程读走之后
    elif how == "cancel_join_thread":
        q.cancel_join_thread()


def run(how):
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q, how))
    p.start()
    p.join(timeout=1)
    print(f"{how}：join(timeout=1) 之后子进程还活着 {p.is_alive()}")
    if how == "cancel_join_thread":
        # 数据只写进去一部分，这个队列已经不可靠：不再读它，直接丢掉。
        p.join(timeout=10)
    else:
        data = q.get(timeout=10)
        p.join(timeout=10)
        print(f"  父进程读走 {len(data)} 字节后子进程才退出")
    print(f"  退出码 {p.exitcode}")


# %%
# 前两种都要等父进程读走数据才能退出；``cancel_join_thread`` 立即退出，数据没有写完。
if __name__ == "__main__":
    for how in ("默认", "close + join_thread", "cancel_join_thread"):
        run(how)
