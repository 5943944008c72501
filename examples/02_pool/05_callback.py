r"""
回调函数拿到任务的返回值
========================

``map_async()`` 的 ``callback`` 在全部任务完成后被调用一次，参数是结果列表；
``apply_async()`` 的 ``callback`` 每个任务调用一次。
回调在主进程里的一个后台线程中运行。
"""

# %%
# 回调打印自己在哪个进程、哪个线程里运行。
import multiprocessing
import os
import threading
import time


def long_time_task(name):
    # 进程池离开 with 块时工作进程被直接终止，来不及刷新缓冲区：输出写到管道或文件时要 flush
    print(f"任务 {name} 在进程 {os.getpid()} 中运行", flush=True)
    time.sleep(0.1 * name)
    return name * 10


def where():
    process = multiprocessing.current_process().name
    in_main_thread = threading.current_thread() is threading.main_thread()
    return f"进程 {process}，主线程 {in_main_thread}"


def on_all_done(results):
    print("map_async 回调：", results, "|", where())


def on_one_done(result):
    print("apply_async 回调：", result, "|", where())


# %%
# 两个 ``apply_async()`` 按 3、1 的顺序提交，任务 1 睡得短、先完成，它的回调也先被调用。
# 回调应当很快返回：它占用的是进程池处理结果的那个线程，回调不返回，后面的结果也没法处理。
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        pending = pool.map_async(long_time_task, range(4), callback=on_all_done)
        pending.wait()

        singles = [pool.apply_async(long_time_task, (n,), callback=on_one_done) for n in (3, 1)]
        for r in singles:
            r.wait()
