r"""
Barrier：分阶段，等齐了再往下走
===============================

``Barrier(n)`` 让 n 个进程在同一处会合：先到的 ``wait()`` 阻塞，第 n 个到达时全部放行。
适合分阶段的计算：每个阶段都要等所有进程做完上一阶段。
"""

# %%
# 三个工作进程、两个阶段，每个阶段各自耗时不同。``wait()`` 的返回值在 0 到 n-1 之间各不相同，
# 拿到 0 的那个进程负责打印“本阶段全部完成”。
import multiprocessing
import threading
import time


def worker(n, barrier):
    for phase in (1, 2):
        time.sleep(0.05 * (3 - n) * phase)
        print(f"  工作进程 {n} 做完第 {phase} 阶段", flush=True)
        if barrier.wait(timeout=10) == 0:
            print(f"第 {phase} 阶段全部完成", flush=True)


def late(barrier):
    try:
        barrier.wait(timeout=0.3)
    except threading.BrokenBarrierError:
        print("子进程：等了 0.3 秒人没到齐，BrokenBarrierError", flush=True)


# %%
# 屏障保证：任何一个进程打印“做完第 2 阶段”之前，三个进程都已经打印过“做完第 1 阶段”。
if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    procs = [multiprocessing.Process(target=worker, args=(n, barrier)) for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()

# %%
# 约好三方、只来了两方：超时的一方让屏障进入“破损”状态，所有等待者都得到 ``BrokenBarrierError``。
if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    p = multiprocessing.Process(target=late, args=(barrier,))
    p.start()
    try:
        barrier.wait(timeout=5)
    except threading.BrokenBarrierError:
        print("主进程：BrokenBarrierError，broken =", barrier.broken, flush=True)
    p.join()
