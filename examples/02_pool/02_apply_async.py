r"""
apply_async：提交任务后立即返回
================================

``apply_async()`` 把任务放进进程池的任务队列就返回，主进程继续往下走；
任务由进程池里早已启动的工作进程执行，这些工作进程是守护进程。
"""

# %%
# 任务打印自己所在的进程和它是不是守护进程，再按给定的秒数睡眠。
import multiprocessing
import os
import time


def long_time_task(name, seconds):
    me = multiprocessing.current_process()
    print(f"任务 {name} 开始：进程 {os.getpid()}，守护进程 {me.daemon}")
    time.sleep(seconds)
    print(f"任务 {name} 结束，睡了 {seconds} 秒")
    return name


# %%
# 两个工作进程、五个任务：多出来的任务在队列里等空闲的工作进程。
# ``close()`` 之后不能再提交任务，``join()`` 等所有任务做完、工作进程退出。
if __name__ == "__main__":
    print("主进程", os.getpid())
    with multiprocessing.Pool(2) as pool:
        results = [pool.apply_async(long_time_task, (i, 0.2)) for i in range(5)]
        print("五个 apply_async() 都已返回，主进程继续运行")
        pool.close()
        pool.join()
        print("全部完成，返回值：", [r.get() for r in results])
