r"""
RLock：持锁的函数再调用持锁的函数
=================================

``transfer()`` 持有锁时调用 ``deposit()``，而 ``deposit()`` 自己也要获取同一把锁。
用 ``Lock`` 时，同一个进程第二次获取会一直等下去（死锁）；
``RLock`` 允许持有者重复获取，释放同样次数后才真正放开。
"""

# %%
# 账户余额放在共享内存里，``deposit`` 和 ``transfer`` 都在锁内修改它。
import multiprocessing


def deposit(balance, lock, amount, timeout=None):
    if not lock.acquire(timeout=timeout):
        return False
    try:
        balance.value += amount
        return True
    finally:
        lock.release()


def transfer(balance, lock, amount, timeout=None):
    with lock:
        ok = deposit(balance, lock, amount, timeout)  # 持锁时再次获取同一把锁
        return ok and deposit(balance, lock, -amount, timeout)


def worker(balance, lock, times):
    for _ in range(times):
        transfer(balance, lock, 10)
        deposit(balance, lock, 1)


# %%
# 用 ``Lock``：内层获取等不到（这里用 0.2 秒超时代替永远等待）。
if __name__ == "__main__":
    balance = multiprocessing.Value("i", 0, lock=False)
    lock = multiprocessing.Lock()
    print("Lock：内层获取成功了吗？", transfer(balance, lock, 10, timeout=0.2))

# %%
# 用 ``RLock``：两个进程各做 100 次转账和存款，余额正好是 200。
if __name__ == "__main__":
    balance = multiprocessing.Value("i", 0, lock=False)
    rlock = multiprocessing.RLock()
    procs = [multiprocessing.Process(target=worker, args=(balance, rlock, 100)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("RLock：最终余额", balance.value)
