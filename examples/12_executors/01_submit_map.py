r"""
submit 与 map
=============

``submit()`` 提交一个调用，立即返回 ``Future``；``result()`` 等它做完并取回返回值。
``map()`` 对一组参数各调用一次，结果按输入顺序产出。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# 工作函数返回结果和执行它的进程号，好看出任务确实在别的进程里运行。
import concurrent.futures
import os
import time


def slow_square(x):
    time.sleep(0.2)
    return x * x, os.getpid()


# %%
# ``with`` 块结束时调用 ``shutdown(wait=True)``：等所有任务做完、工作进程退出。
if __name__ == "__main__":
    main_pid = os.getpid()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(slow_square, 7)
        print("刚提交：done() =", future.done())
        value, pid = future.result()
        print(f"result() = {value}，在主进程里运行：{pid == main_pid}")
        print("做完以后：done() =", future.done())

        start = time.perf_counter()
        results = list(executor.map(slow_square, [1, 2, 3, 4]))
        elapsed = time.perf_counter() - start
        print("map() 的结果：", [value for value, _ in results])
        print("都不在主进程里运行：", all(pid != main_pid for _, pid in results))
        print("四个 0.2 秒的任务少于 0.8 秒做完：", elapsed < 0.8)
