r"""
Lock、RLock 与 Semaphore 的区别
===============================

``Semaphore(1)`` 能被多释放一次、之后放进两个持有者；
``Lock`` 和 ``BoundedSemaphore(1)`` 会拒绝多余的释放。
``RLock`` 不是“大小不固定的信号量”：它有主人，只有主人能重复获取和释放，别的进程照样要等。
"""

# %%
# 子进程里尝试获取或释放父进程传进来的锁，打印结果或异常。
import multiprocessing


def show(what, call):
    try:
        print(f"{what}：{call()}")
    except Exception as exc:
        print(f"{what}：{type(exc).__name__}: {exc}")


def child_acquire(name, lock):
    show(f"子进程 {name}.acquire(timeout=0.2)", lambda: lock.acquire(timeout=0.2))


def child_release(name, lock):
    show(f"子进程 {name}.release()", lambda: lock.release() or "成功")


def in_child(target, *args):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join()


# %%
# 多释放一次：``Semaphore`` 的计数涨到 2，``Lock`` 和 ``BoundedSemaphore`` 抛出 ``ValueError``。
if __name__ == "__main__":
    sem = multiprocessing.Semaphore(1)
    sem.release()
    show(
        "Semaphore(1) 多释放一次后，连续两次 acquire(False)",
        lambda: (sem.acquire(False), sem.acquire(False)),
    )
    show("未获取的 Lock.release()", multiprocessing.Lock().release)
    show("BoundedSemaphore(1) 多释放一次", multiprocessing.BoundedSemaphore(1).release)

# %%
# 同一个进程再次获取：``Lock`` 不可重入，``RLock`` 可以。
if __name__ == "__main__":
    lock = multiprocessing.Lock()
    rlock = multiprocessing.RLock()
    show("Lock 连续两次 acquire(False)", lambda: (lock.acquire(False), lock.acquire(False)))
    show("RLock 连续两次 acquire(False)", lambda: (rlock.acquire(False), rlock.acquire(False)))

# %%
# 换成别的进程：两把锁都被父进程持有着，子进程都拿不到；
# 父进程持有的 ``Lock`` 可以由子进程释放，``RLock`` 只能由它的主人释放。
if __name__ == "__main__":
    in_child(child_acquire, "Lock", lock)
    in_child(child_acquire, "RLock", rlock)
    in_child(child_release, "Lock", lock)
    show("子进程释放之后，父进程 Lock.acquire(False)", lambda: lock.acquire(False))
    in_child(child_release, "RLock", rlock)
