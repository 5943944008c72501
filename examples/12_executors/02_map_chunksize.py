r"""
map 的 chunksize
================

``ProcessPoolExecutor.map()`` 把输入切成块，一块作为一个任务交给一个工作进程。
默认 ``chunksize=1``：每个元素都单独走一趟进程间通信；任务很小时，把块调大能省掉大部分开销。
"""

# %%
# ``whoami`` 返回执行它的进程号；``inc`` 小到几乎不花时间，耗时几乎全是通信。
import concurrent.futures
import os
import time


def whoami(_):
    return os.getpid()


def inc(x):
    return x + 1


def timed_map(executor, n, chunksize):
    start = time.perf_counter()
    list(executor.map(inc, range(n), chunksize=chunksize))
    return time.perf_counter() - start


# %%
# 12 个元素、``chunksize=4``：同一块的 4 个元素一定在同一个工作进程里执行，
# 至于三块各落到哪个工作进程，取决于调度。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        pids = list(executor.map(whoami, range(12), chunksize=4))
    chunks = [pids[i : i + 4] for i in range(0, 12, 4)]
    for number, chunk in enumerate(chunks, 1):
        print(f"第 {number} 块的 4 个元素在同一个工作进程里：{len(set(chunk)) == 1}")

# %%
# 2000 个小任务，``chunksize`` 取 1 和 500 各跑三次，取最快的一次比较。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        timed_map(executor, 100, 1)  # 先让工作进程都启动起来
        best = {size: min(timed_map(executor, 2000, size) for _ in range(3)) for size in (1, 500)}
    ratio = best[1] / best[500]
    verdict = "快得多（超过 5 倍）" if ratio > 5 else "差别不大"
    print(f"chunksize=500 比 chunksize=1 {verdict}")
