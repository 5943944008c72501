r"""
模块顶层的锁
============

``lock = Lock()`` 写在模块顶层，工作函数直接用这个全局变量：fork 的子进程继承父进程的这把锁；
spawn 的子进程重新导入主模块，各自新建一把，互相不排斥。
forkserver 在 3.13.8、3.14.1 之前和 spawn 一样，之后子进程共用服务进程里的那一把。
"""

# %%
# 三个进程用 ``Barrier`` 同时开始抢锁，拿到锁后停 0.2 秒；
# ``holding`` 和 ``peak`` 记录同时在锁内的进程数和它的最大值。
import multiprocessing
import time

lock = multiprocessing.Lock()  # 模块顶层的全局锁：错误的写法


def critical(start_together, holding, peak, the_lock):
    start_together.wait()
    with the_lock:
        with holding.get_lock():
            holding.value += 1
            peak.value = max(peak.value, holding.value)
        time.sleep(0.2)
        with holding.get_lock():
            holding.value -= 1


def use_global_lock(start_together, holding, peak):
    critical(start_together, holding, peak, lock)


def peak_holders(ctx, target, *extra_args):
    start_together = ctx.Barrier(3)
    holding = ctx.Value("i", 0)
    peak = ctx.Value("i", 0)
    args = (start_together, holding, peak, *extra_args)
    procs = [ctx.Process(target=target, args=args) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return peak.value


# %%
# 同时在锁内的进程最多应当只有 1 个。每种启动方式各试一次全局锁，再试一次作为参数传入的锁。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context(method)
        print(f"{method}，全局锁：同时持锁的进程最多 {peak_holders(ctx, use_global_lock)} 个")
    spawn = multiprocessing.get_context("spawn")
    peak = peak_holders(spawn, critical, spawn.Lock())
    print(f"spawn，锁作为参数传入：同时持锁的进程最多 {peak} 个")
