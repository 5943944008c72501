r"""
map 的 chunksize
================

五千个很小的任务交给 2 个工作进程。``chunksize`` 是每次发给一个工作进程的任务个数：
太小，时间都花在进程间通信上；适中就好。``Pool.map`` 默认会自己算一个 ``chunksize``，
``ProcessPoolExecutor.map`` 的默认值却是 1。画图需要 ``pip install matplotlib``。
"""

# %%
# 任务本身几乎不花时间，耗时主要是序列化和进程间通信。
import math
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

ITEMS = list(range(5_000))
WORKERS = 2
CHUNKSIZES = [1, 4, 16, 64, 256, 1024]


def square(x):
    return x * x


def timed(map_func, chunksize):
    start = time.perf_counter()
    results = list(map_func(square, ITEMS, chunksize=chunksize))
    assert results[-1] == ITEMS[-1] ** 2
    return time.perf_counter() - start


# %%
# ``Pool.map`` 不给 ``chunksize`` 时，按“任务数 ÷（4 × 进程数）”向上取整
# （见 CPython 的 ``Lib/multiprocessing/pool.py``）。结论由本次运行的数字算出。
if __name__ == "__main__":
    default = math.ceil(len(ITEMS) / (4 * WORKERS))
    with multiprocessing.Pool(WORKERS) as pool, ProcessPoolExecutor(WORKERS) as executor:
        pool.map(square, range(WORKERS))  # 热身
        list(executor.map(square, range(WORKERS)))
        pool_times = [timed(pool.map, c) for c in CHUNKSIZES]
        executor_times = [timed(executor.map, c) for c in CHUNKSIZES]
        start = time.perf_counter()
        pool.map(square, ITEMS)
        pool_default = time.perf_counter() - start

    print(f"{len(ITEMS)} 个任务，{WORKERS} 个工作进程")
    for c, tp, te in zip(CHUNKSIZES, pool_times, executor_times, strict=True):
        print(f"chunksize={c:>4}：Pool.map {tp:.3f} 秒，ProcessPoolExecutor.map {te:.3f} 秒")
    print(f"Pool.map 默认 chunksize={default}：{pool_default:.3f} 秒")
    for name, ts in (("Pool.map", pool_times), ("ProcessPoolExecutor.map", executor_times)):
        print(f"{name} 最快的是 chunksize={CHUNKSIZES[ts.index(min(ts))]}")
    slow = executor_times[0] / min(executor_times)
    print(f"ProcessPoolExecutor.map 用默认的 chunksize=1，耗时是最快的设置的 {slow:.0f} 倍")

# %%
# 横轴、纵轴都是对数刻度；虚线是 ``Pool.map`` 不指定 ``chunksize`` 时用的值。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, ax = plt.subplots(figsize=(5, 3.6), layout="constrained")
    ax.loglog(CHUNKSIZES, pool_times, "o-", label="Pool.map")
    ax.loglog(CHUNKSIZES, executor_times, "s-", label="ProcessPoolExecutor.map")
    ax.axvline(default, color="gray", linestyle="--", label=f"Pool.map 的默认值（{default}）")
    ax.set_xticks(CHUNKSIZES, labels=[str(c) for c in CHUNKSIZES])
    ax.tick_params(axis="x", which="minor", bottom=False)
    ax.yaxis.set_major_formatter("{x:g}")
    ax.set(
        xlabel="chunksize",
        ylabel="耗时（秒）",
        title=f"{len(ITEMS)} 个小任务，{WORKERS} 个工作进程",
    )
    ax.legend()
