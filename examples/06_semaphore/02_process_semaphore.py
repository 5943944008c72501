r"""
进程信号量
==========

同样是 10 个工作者争夺 2 个名额，换成进程和 ``multiprocessing.Semaphore(2)``。
信号量在主程序块里创建、作为参数传入；同时持有者的个数记在共享内存的 ``Value`` 里。
"""

# %%
# ``holding`` 和 ``peak`` 是 ``multiprocessing.Value``，用它们自带的锁保护。
import multiprocessing
import time


def worker(i, semaphore, holding, peak):
    with semaphore:
        with holding.get_lock():
            holding.value += 1
            peak.value = max(peak.value, holding.value)
        print(f"进程 {i} 拿到信号量", flush=True)
        time.sleep(0.2)
        with holding.get_lock():
            holding.value -= 1
    print(f"进程 {i} 释放信号量", flush=True)


# %%
# 启动 10 个进程并等它们全部结束。
if __name__ == "__main__":
    semaphore = multiprocessing.Semaphore(2)
    holding = multiprocessing.Value("i", 0)
    peak = multiprocessing.Value("i", 0)
    procs = [
        multiprocessing.Process(target=worker, args=(i, semaphore, holding, peak))
        for i in range(10)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("同时持有信号量的进程最多：", peak.value)
