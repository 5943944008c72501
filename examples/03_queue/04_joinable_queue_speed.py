r"""
JoinableQueue 和 Queue 的速度
=============================

同样传递两万个整数，分别用 ``Queue`` 和 ``JoinableQueue``
（消费者每项多调用一次 ``task_done()``）计时。``JoinableQueue`` 的
``put()`` 和 ``task_done()`` 要多操作一个信号量和一个条件变量，只会差不多或更慢。
"""

# %%
# 消费者进程启动好之后开始计时：主进程放入 ``N`` 个整数和一个哨兵，
# 消费者全部取完后退出，计时到它退出为止。
import multiprocessing
import time

N = 20_000
ROUNDS = 5


def consume(q, joinable, ready):
    ready.set()
    for _ in iter(q.get, None):
        if joinable:
            q.task_done()
    if joinable:
        q.task_done()


def one_round(queue_class):
    q = queue_class()
    joinable = queue_class is multiprocessing.JoinableQueue
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=consume, args=(q, joinable, ready))
    p.start()
    ready.wait(timeout=10)  # 不把启动进程的时间算进去
    start = time.perf_counter()
    for i in range(N):
        q.put(i)
    q.put(None)
    if joinable:
        q.join()
    p.join()
    elapsed = time.perf_counter() - start
    q.close()
    q.join_thread()  # 等本进程的 feeder 线程退出，下一轮再启动子进程
    return elapsed


# %%
# 每种队列各跑五轮，取最快的一轮比较；同一种队列五轮之间的差别就是这台机器上的测量波动。
# 结论由脚本按这次运行的数据判断。
if __name__ == "__main__":
    times = {"Queue": [], "JoinableQueue": []}
    for _ in range(ROUNDS):  # 两种队列交替跑，减少机器负载变化的影响
        for queue_class in (multiprocessing.Queue, multiprocessing.JoinableQueue):
            times[queue_class.__name__].append(one_round(queue_class))
    best = {name: min(ts) for name, ts in times.items()}
    noise = max((max(ts) - min(ts)) / min(ts) for ts in times.values())
    ratio = best["JoinableQueue"] / best["Queue"]
    print(f"JoinableQueue 的用时是 Queue 的 {ratio:.2f} 倍；同一种队列各轮之间相差最多 {noise:.0%}")
    if ratio < 1 / (1 + noise):
        print("结论：这次 JoinableQueue 更快，而且快得超出了测量波动")
    elif ratio > 1 + noise:
        print("结论：这次 JoinableQueue 更慢，而且慢得超出了测量波动")
    else:
        print("结论：两者的差别在测量波动之内，JoinableQueue 并不更快")
