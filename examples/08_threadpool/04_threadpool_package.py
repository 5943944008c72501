r"""
threadpool 库（已过时）
=======================

原笔记用的第三方 ``threadpool`` 库（最后版本 1.3.2，
2015 年）还能在 Python 3 上运行，但早已停止维护。
这里运行它只为核对原笔记对它的说法；新代码请用 ``concurrent.futures``。
运行前需要 ``pip install threadpool``。
"""

# %%
# 四个任务的睡眠时间不同，完成顺序因此固定：1、3、2、0。
import os
import threading
import time

try:
    import threadpool
except ImportError:
    threadpool = None

DELAYS = [0.4, 0.1, 0.3, 0.2]


def long_time_task(name):
    print(f"任务 {name} 开始：进程 {os.getpid()}")
    time.sleep(DELAYS[name])
    return name, DELAYS[name]


def callback(request, result):
    in_main = threading.current_thread() is threading.main_thread()
    print(f"回调：{type(request).__name__}，返回值 {result}，主线程 {in_main}")


# %%
if __name__ == "__main__":
    if threadpool is None:
        print("这个例子需要第三方库：pip install threadpool")
    else:
        pool = threadpool.ThreadPool(4)
        requests = threadpool.makeRequests(long_time_task, range(4), callback=callback)
        print("makeRequests() 返回：", [type(r).__name__ for r in requests])
        returned = [pool.putRequest(request) for request in requests]
        print("putRequest() 返回：", returned)
        pool.wait()  # 回调在这里、在主线程里被调用
        print("全部完成")
