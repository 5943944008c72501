r"""
同一件事的四种做法
==================

两个子进程各算出一半结果（float64 数组），主进程要拿到完整的结果。
分别用 ``SharedMemory``、``Array``、管理器的字典和 ``Queue`` 传递，按数据量计时并画图。
运行前需要 ``pip install numpy matplotlib``。
"""

# %%
# 子进程一直运行，从自己的任务队列里取任务，所以计时不包括启动进程。
# ``SharedMemory`` 和 ``Array`` 都按最大的数据量预先分配，子进程直接写进主进程也能看到的内存；
# 管理器和 Queue 则要把数组序列化再传。
import multiprocessing
import time
from multiprocessing import shared_memory

import numpy as np

SIZES = [10_000, 100_000, 1_000_000, 4_000_000]  # 结果数组的元素个数
METHODS = ["SharedMemory", "Array", "Manager", "Queue"]


def worker(i, tasks, results, shared):
    shm_name, array, store = shared
    shm = shared_memory.SharedMemory(name=shm_name)
    views = {"SharedMemory": np.frombuffer(shm.buf), "Array": np.frombuffer(array)}
    for method, n in iter(tasks.get, None):
        part = slice(i * n // 2, (i + 1) * n // 2)
        chunk = np.sqrt(np.arange(part.start, part.stop, dtype=np.float64))
        if method in views:
            views[method][part] = chunk
        elif method == "Manager":
            store[i] = chunk
        results.put((i, chunk if method == "Queue" else None))
    del views  # 指向共享内存的数组要先删掉，才能 close()
    shm.close()


def one_round(method, n, queues, views):
    tasks, results = queues
    start = time.perf_counter()
    for q in tasks:
        q.put((method, n))
    parts = dict(results.get() for _ in tasks)
    source = views["Manager"] if method == "Manager" else parts
    if method in ("SharedMemory", "Array"):
        total = views[method][:n].sum()
    else:
        total = np.concatenate([source[0], source[1]]).sum()
    elapsed = time.perf_counter() - start
    assert np.isclose(total, np.sqrt(np.arange(n)).sum())
    return elapsed


# %%
# 每个数据量下四种做法轮流测三轮，各取最快的一轮。结论由本次运行的数字算出：
# 不复制数据的两种里较快的一种，比要复制的两种里较快的一种至少快一倍，才算“快得多”。
if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=max(SIZES) * 8)
    array = multiprocessing.Array("d", max(SIZES), lock=False)
    views = {"SharedMemory": np.frombuffer(shm.buf), "Array": np.frombuffer(array)}
    results, tasks = multiprocessing.Queue(), [multiprocessing.Queue() for _ in range(2)]
    best = {m: [] for m in METHODS}
    with multiprocessing.Manager() as manager:
        views["Manager"] = store = manager.dict()
        shared = (shm.name, array, store)
        workers = [
            multiprocessing.Process(target=worker, args=(i, q, results, shared))
            for i, q in enumerate(tasks)
        ]
        for p in workers:
            p.start()
        for n in SIZES:
            for m in METHODS:
                best[m].append(min(one_round(m, n, (tasks, results), views) for _ in range(3)))
        for q, p in zip(tasks, workers, strict=True):
            q.put(None)  # 让子进程退出
            p.join()
    del views
    shm.close()
    shm.unlink()

    mib = [n * 8 / 2**20 for n in SIZES]
    print("数据量（MiB）：", "  ".join(f"{x:8.2f}" for x in mib))
    for m in METHODS:
        print(f"{m:>12}（毫秒）：", "  ".join(f"{t * 1000:8.2f}" for t in best[m]))
    direct = min(best["SharedMemory"][-1], best["Array"][-1])
    copied = min(best["Manager"][-1], best["Queue"][-1])
    verdict = "快得多（至少快一倍）" if copied >= 2 * direct else "没有快一倍以上"
    print(f"{mib[-1]:.0f} MiB 时，不复制数据的做法比要复制的做法{verdict}")

# %%
# 横轴、纵轴都是对数刻度。
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, ax = plt.subplots(figsize=(5, 3.6), layout="constrained")
    for m, marker in zip(METHODS, "osD^", strict=True):
        ax.loglog(mib, [t * 1000 for t in best[m]], marker=marker, label=m)
    ax.xaxis.set_major_formatter("{x:g}")
    ax.set(xlabel="结果数组的大小（MiB）", ylabel="耗时（毫秒）")
    ax.set_title("两个子进程把结果交给主进程")
    ax.legend()
