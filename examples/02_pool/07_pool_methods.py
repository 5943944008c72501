r"""
进程池的常用方法
================

``map``、``map_async``、``imap_unordered``、``apply_async`` 都把工作进程的返回值带回主进程；
``get(timeout=...)`` 等不到结果时抛出 ``multiprocessing.TimeoutError``。
"""

# %%
import multiprocessing
import os
import time


def multi(x):
    return x + 42


# %%
# ``imap_unordered`` 按完成先后产出结果，这一行的顺序每次运行可能不同；其余几行的顺序是固定的。
# 四次 ``os.getpid`` 可能落在同一个工作进程里，也可能分散在几个里，取决于调度。
# 超时只是 ``get()`` 不再等待，任务仍在工作进程里继续运行。
if __name__ == "__main__":
    with multiprocessing.Pool() as pool:
        print("map()：           ", pool.map(multi, range(10)))
        print("map_async().get()：", pool.map_async(multi, range(10)).get())
        print("imap_unordered()：", list(pool.imap_unordered(multi, range(10))))

        res = pool.apply_async(multi, (20,))
        print("apply_async(multi, (20,)).get()：", res.get(timeout=20))

        res = pool.apply_async(os.getpid)
        print("工作进程：", res.get(), "主进程：", os.getpid())

        multiple_results = [pool.apply_async(os.getpid) for _ in range(4)]
        print("四次 apply_async(os.getpid)：", [res.get() for res in multiple_results])

        res = pool.apply_async(time.sleep, (1,))
        try:
            print(res.get(timeout=0.1))
        except multiprocessing.TimeoutError:
            print("等了 0.1 秒没等到：multiprocessing.TimeoutError")
        value = res.get(timeout=2)
        print(f"再等一会儿：get() 返回 {value}，successful() 返回 {res.successful()}")
