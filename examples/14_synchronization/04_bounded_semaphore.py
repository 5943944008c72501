r"""
BoundedSemaphore：限流，并且抓住多释放的错误
============================================

信号量限制同一时刻使用某种资源的进程数。``BoundedSemaphore`` 还多一层检查：
释放次数超过获取次数时立即抛出 ``ValueError``；普通 ``Semaphore`` 则默默把名额加一，限流从此失效。
"""

# %%
# ``use_slot`` 正常地占用一个名额 0.1 秒，并记录同时占用的最大进程数；
# 各进程先在 ``Barrier`` 前等齐，再一起抢名额。
# ``buggy`` 在出错处理里多释放了一次：这是要抓的错误。
import multiprocessing
import time


def use_slot(sem, busy, peak, start_together):
    start_together.wait(timeout=10)
    with sem:
        with busy.get_lock():
            busy.value += 1
            peak.value = max(peak.value, busy.value)
        time.sleep(0.1)
        with busy.get_lock():
            busy.value -= 1


def buggy(sem, name):
    sem.acquire()
    try:
        raise OSError("连接断开")
    except OSError:
        sem.release()
    try:
        sem.release()  # 错误：又释放了一次
        print(f"{name}：多释放了一次，没有任何报错", flush=True)
    except ValueError as exc:
        print(f"{name}：多释放时抛出 ValueError: {exc}", flush=True)


def free_slots(sem):
    n = 0
    while sem.acquire(block=False):
        n += 1
    return n


# %%
# 五个进程抢两个名额：同时占用的最多两个。
if __name__ == "__main__":
    sem = multiprocessing.BoundedSemaphore(2)
    busy, peak = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    start_together = multiprocessing.Barrier(5)
    args = (sem, busy, peak, start_together)
    procs = [multiprocessing.Process(target=use_slot, args=args) for _ in range(5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("同时占用名额的进程最多：", peak.value)

# %%
# 子进程里出现多释放的错误之后，主进程数一数现在有几个名额。
if __name__ == "__main__":
    for name, sem in [
        ("Semaphore(2)", multiprocessing.Semaphore(2)),
        ("BoundedSemaphore(2)", multiprocessing.BoundedSemaphore(2)),
    ]:
        p = multiprocessing.Process(target=buggy, args=(sem, name))
        p.start()
        p.join()
        print(f"{name}：现在能同时拿到的名额数 {free_slots(sem)}")
