r"""
Value 和 Array 的 += 需要 get_lock()
====================================

``Value`` 和 ``Array`` 默认自带一把锁，但它只保护单次读或单次写；
``v.value += 1`` 是先读再写两步，几个进程同时做时会丢失更新。
把读和写一起放进 ``with v.get_lock():``，结果才总是正确。
"""

# %%
# 每个进程把计数器 ``counter`` 和数组 ``arr`` 的每个元素各加 ``TIMES`` 次；
# ``locked`` 决定是否用 ``get_lock()``。
import multiprocessing

PROCESSES = 4
TIMES = 20_000


def add(counter, arr, locked):
    for _ in range(TIMES):
        if locked:
            with counter.get_lock():
                counter.value += 1
            with arr.get_lock():
                for i in range(len(arr)):
                    arr[i] += 1
        else:
            counter.value += 1
            for i in range(len(arr)):
                arr[i] += 1


def run(locked):
    counter = multiprocessing.Value("i", 0)
    arr = multiprocessing.Array("i", 3)
    processes = [
        multiprocessing.Process(target=add, args=(counter, arr, locked)) for _ in range(PROCESSES)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"get_lock()={locked!s:<5}  Value: {counter.value:>6}  Array: {arr[:]}")


# %%
# 期望值是 4 × 20000 = 80000。不加锁时丢失多少次更新取决于调度，每次运行都不同，
# 偶尔也可能一次都不丢（比如只有一个 CPU 核时）；加锁后每次都是 80000。
if __name__ == "__main__":
    print("期望值:", PROCESSES * TIMES)
    run(locked=False)
    run(locked=True)
