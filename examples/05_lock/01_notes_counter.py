r"""
不加锁的共享计数器
==================

100 个进程各给管理器里的 ``Value`` 加 1，不加锁。
``total.value += 1`` 是先读再写两次往返，两个进程的读写交错时才会丢失更新，所以结果取决于调度。
"""

# %%
# ``total.value += 1`` 等于 ``v = total.value`` 加上 ``total.value = v + 1``：两次独立的代理调用。
import multiprocessing


def add_one(total):
    total.value += 1


def run_all_at_once(manager, n):
    total = manager.Value("i", 0)
    procs = [multiprocessing.Process(target=add_one, args=(total,)) for _ in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return total.value


def run_one_by_one(manager, n):
    total = manager.Value("i", 0)
    for _ in range(n):
        p = multiprocessing.Process(target=add_one, args=(total,))
        p.start()
        p.join()
    return total.value


# %%
# 先像原笔记那样同时启动 100 个进程；再让 10 个进程一个接一个地运行，同样不加锁。
if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        print("100 个进程同时运行，不加锁：", run_all_at_once(manager, 100))
        print("10 个进程依次运行，不加锁：", run_one_by_one(manager, 10))
