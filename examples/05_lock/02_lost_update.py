r"""
必然丢失更新的读改写
====================

每个进程读出计数、停 0.05 秒、再写回加 1 后的值。四个进程用 ``Barrier`` 同时开始，
不加锁时它们读到同一个旧值，更新一定会丢；
把 ``Lock`` 作为参数传给进程、把读改写放进 ``with lock:`` 就不会。
"""

# %%
# 两个工作函数只差一个 ``with lock:``。``Manager``、
# ``Barrier`` 和 ``Lock`` 都在主程序块里创建，作为参数传入。
import multiprocessing
import time

WORKERS = 4
ROUNDS = 5


def add_unlocked(total, start_together):
    start_together.wait()
    for _ in range(ROUNDS):
        value = total.value
        time.sleep(0.05)
        total.value = value + 1


def add_locked(total, start_together, lock):
    start_together.wait()
    for _ in range(ROUNDS):
        with lock:
            value = total.value
            time.sleep(0.05)
            total.value = value + 1


def run(manager, target, *extra_args):
    total = manager.Value("i", 0)
    start_together = multiprocessing.Barrier(WORKERS)
    procs = [
        multiprocessing.Process(target=target, args=(total, start_together, *extra_args))
        for _ in range(WORKERS)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return total.value


# %%
# 期望值是 4 × 5 = 20。
if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        print("期望：", WORKERS * ROUNDS)
        print("不加锁：", run(manager, add_unlocked))
        lock = multiprocessing.Lock()
        print("加锁：", run(manager, add_locked, lock))
