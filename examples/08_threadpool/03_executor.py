r"""
ThreadPoolExecutor：回调与完成顺序
==================================

``concurrent.futures.ThreadPoolExecutor`` 是标准库推荐的线程池：``submit()`` 返回 ``Future``，
``add_done_callback()`` 在任务完成时调用回调，``as_completed()`` 按完成先后给出 ``Future``。
"""

# %%
# 原笔记用第三方 ``threadpool`` 库的 ``makeRequests(..., callback=...)``；
# 这里是同样的事的标准库写法。
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

DELAYS = [0.4, 0.1, 0.3, 0.2]


def long_time_task(name):
    print(f"任务 {name} 开始：进程 {os.getpid()}")
    time.sleep(DELAYS[name])
    return name, DELAYS[name]


def callback(future):
    print(
        "回调：",
        future.result(),
        "| 主线程：",
        threading.current_thread() is threading.main_thread(),
    )


# %%
# 回调由完成任务的那条工作线程调用，因此“回调”几行按完成先后出现。
# ``futures`` 列表保持提交顺序，``as_completed()`` 则按完成先后产出。
# 两个列表在 ``with`` 块里取好，离开块（所有线程结束、回调都已打印）后再打印。
if __name__ == "__main__":
    print("主进程", os.getpid())
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = [executor.submit(long_time_task, n) for n in range(4)]
        for f in futures:
            f.add_done_callback(callback)
        completed = [f.result()[0] for f in as_completed(futures)]
        submitted = [f.result()[0] for f in futures]
    print("as_completed()：", completed)
    print("按提交顺序：   ", submitted)
