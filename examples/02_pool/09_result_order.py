r"""
结果顺序与完成顺序
==================

``Pool`` 与 ``ThreadPool`` 在顺序上完全一样：``map()`` 的结果总按输入顺序排列，
``imap_unordered()`` 按任务完成的先后产出。
"""

# %%
# 任务 ``n`` 睡 ``0.15 × n`` 秒后返回 ``n``；输入 ``[4, 1, 3, 2]``，所以完成顺序是 1、2、3、4。
# 工作者先在屏障（Barrier）前等齐再开始取任务，这样各工作进程启动快慢不一也不影响完成顺序。
import multiprocessing
import threading
import time
from multiprocessing.pool import ThreadPool

INPUTS = [4, 1, 3, 2]


def wait_for_all(barrier):
    barrier.wait()


def task(n):
    time.sleep(0.15 * n)
    return n


def show(name, pool):
    print(f"{name} imap_unordered()：", list(pool.imap_unordered(task, INPUTS)))
    print(f"{name} map()：           ", pool.map(task, INPUTS))


# %%
if __name__ == "__main__":
    workers = len(INPUTS)
    barrier = multiprocessing.Barrier(workers)
    with multiprocessing.Pool(workers, initializer=wait_for_all, initargs=(barrier,)) as pool:
        show("Pool      ", pool)

    barrier = threading.Barrier(workers)
    with ThreadPool(workers, initializer=wait_for_all, initargs=(barrier,)) as pool:
        show("ThreadPool", pool)
