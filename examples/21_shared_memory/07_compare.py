r"""
同一件事的四种做法
==================

两个子进程各算出一半结果（float64 数组），主进程要拿到完整的结果。
分别用 ``SharedMemory``、``Array``、管理器的字典和 ``Queue`` 传递，按数据量计时并画图。
运行前需要 ``pip install numpy matplotlib``。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# 子进程一直运行，从自己的任务队列里取任务，所以计时不包括启动进程。
# ``SharedMemory`` 和 ``Array`` 都在启动子进程之前按最大的数据量分配好，两者都是共享内存，
# 子进程直接写进主进程也能看到的内存；管理器和 Queue 则要把数组序列化再传。
import multiprocessing
import time
from multiprocessing import shared_memory

try:
    import numpy as np
except ImportError:
    np = None

SIZES = [10_000, 100_000, 1_000_000, 4_000_000]  # 结果数组的元素个数
METHODS = ["SharedMemory", "Array", "Manager", "Queue"]
ROUNDS = 3


def worker(i, tasks, results, shared_objects):
    shm_name, array, store = shared_objects
    shm = shared_memory.SharedMemory(name=shm_name)
    shared = np.frombuffer(shm.buf, dtype=np.float64)
    for method, n in iter(tasks.get, None):
        part = slice(i * n // 2, (i + 1) * n // 2)
        chunk = np.sqrt(np.arange(part.start, part.stop, dtype=np.float64))
        if method == "SharedMemory":
            shared[part] = chunk
        elif method == "Array":
            np.frombuffer(array, dtype=np.float64, count=n)[part] = chunk
        elif method == "Manager":
            store[i] = chunk
        results.put((i, chunk if method == "Queue" else None))
    del shared
    shm.close()


def one_round(method, n, tasks, results, views):
    shared, array, store = views
    start = time.perf_counter()
    for q in tasks:
        q.put((method, n))
    parts = dict(results.get() for _ in tasks)
    if method == "SharedMemory":
        total = shared[:n].sum()
    elif method == "Array":
        total = np.frombuffer(array, dtype=np.float64, count=n).sum()
    else:
        source = store if method == "Manager" else parts
        total = np.concatenate([source[0], source[1]]).sum()
    elapsed = time.perf_counter() - start
    assert np.isclose(total, np.sqrt(np.arange(n)).sum())
    return elapsed


# %%
# 每种做法、每个数据量跑三轮，取最快的一轮。秒数取决于机器，要看的是几条线的相对位置。
if __name__ == "__main__" and np is None:
    print("这个例子需要 numpy：pip install numpy matplotlib")
elif __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=max(SIZES) * 8)
    shared = np.frombuffer(shm.buf, dtype=np.float64)
    array = multiprocessing.Array("d", max(SIZES), lock=False)
    results = multiprocessing.Queue()
    tasks = [multiprocessing.Queue() for _ in range(2)]
    with multiprocessing.Manager() as manager:
        store = manager.dict()
        workers = [
            multiprocessing.Process(target=worker, args=(i, q, results, (shm.name, array, store)))
            for i, q in enumerate(tasks)
        ]
        for p in workers:
            p.start()
        best = {m: [] for m in METHODS}
        for n in SIZES:
            for m in METHODS:
                views = (shared, array, store)
                best[m].append(min(one_round(m, n, tasks, results, views) for _ in range(ROUNDS)))
        for q in tasks:
            q.put(None)
        for p in workers:
            p.join()
    del views, shared  # 指向共享内存的数组都要先删掉
    shm.close()
    shm.unlink()

    mib = [n * 8 / 2**20 for n in SIZES]
    print("数据量（MiB）：", "  ".join(f"{x:8.2f}" for x in mib))
    for m in METHODS:
        print(f"{m:>12}（毫秒）：", "  ".join(f"{t * 1000:8.2f}" for t in best[m]))
    fastest = min(METHODS, key=lambda m: best[m][-1])
    print(f"{mib[-1]:.0f} MiB 时最快的是 {fastest}：")
    for m in METHODS:
        ratio = best[m][-1] / best[fastest][-1]
        verdict = f"慢 {ratio:.1f} 倍" if ratio >= 2 else "差不多（相差不到 2 倍）"
        print(f"  {m}：{verdict}" if m != fastest else f"  {m}：最快")

# %%
# 横轴、纵轴都是对数刻度。
if __name__ == "__main__" and np is not None:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and np is not None and plt is not None:
    plt.rcParams["font.sans-serif"] = [
        *("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei"),
        "DejaVu Sans",
    ]
    fig, ax = plt.subplots(figsize=(6.4, 4))
    for m, marker in zip(METHODS, "osD^", strict=True):
        ax.loglog(mib, [t * 1000 for t in best[m]], marker=marker, label=m)
    ax.set_xlabel("结果数组的大小（MiB）")
    ax.set_ylabel("耗时（毫秒，三轮中最快）")
    ax.set_title("两个子进程把结果交给主进程")
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
