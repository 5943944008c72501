r"""
先 join 再 get：使用队列的进程不能先等它结束
============================================

往 ``multiprocessing.Queue`` 里放的数据先由后台的 feeder 线程写进管道；
进程退出前要等这个线程把数据全部写完。管道满了就写不进去，
所以父进程先 ``join()`` 子进程、后 ``get()`` 数据，两边会互相等待，永远卡住。
这里用 ``join(timeout=...)`` 代替无限期的等待。
"""

# %%
# 子进程放入 1 MiB 的数据，远超管道缓冲区（Linux 上默认 64 KiB）。
import multiprocessing

SIZE = 1024 * 1024


def producer(q):
    q.put(b"x" * SIZE)


# %%
# 错误的顺序：先 ``join()``。子进程的代码早就执行完了，却退不出去。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q,))
    p.start()
    p.join(timeout=1)
    print("join(timeout=1) 之后子进程还活着：", p.is_alive())
    data = q.get(timeout=10)
    p.join(timeout=10)
    print(f"get() 取走 {len(data)} 字节之后：还活着 {p.is_alive()}，退出码 {p.exitcode}")

# %%
# 正确的顺序：先把数据 ``get()`` 完，再 ``join()``。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q,))
    p.start()
    data = q.get(timeout=10)
    p.join(timeout=10)
    print(f"先 get() 再 join()：取到 {len(data)} 字节，退出码 {p.exitcode}")
