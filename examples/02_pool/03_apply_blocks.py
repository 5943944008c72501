r"""
apply 与 map 会阻塞
===================

``apply()`` 等任务做完才返回结果，``map()`` 等所有任务做完才返回列表；
它们的 ``_async`` 版本立即返回一个 ``AsyncResult``，结果以后用 ``get()`` 取。
"""

# %%
# 每个任务睡 0.3 秒。输出里只打印“用时是否达到某个下限”，这样每次运行结果都一样。
import multiprocessing
import multiprocessing.pool
import time

DELAY = 0.3


def slow_square(x):
    time.sleep(DELAY)
    return x * x


# %%
# 连续三次 ``apply()`` 是一个接一个执行的：即使进程池有三个工作进程，总用时也不少于 3 × 0.3 秒。
if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        start = time.perf_counter()
        values = [pool.apply(slow_square, (x,)) for x in (1, 2, 3)]
        elapsed = time.perf_counter() - start
        print("apply() 三次：", values, "用时 ≥ 0.9 秒：", elapsed >= 3 * DELAY)

        async_results = [pool.apply_async(slow_square, (x,)) for x in (1, 2, 3)]
        first = async_results[0]
        print(
            "apply_async() 立即返回 AsyncResult：",
            isinstance(first, multiprocessing.pool.AsyncResult),
            "已完成：",
            first.ready(),
        )
        print("get() 取回结果：", [r.get() for r in async_results])

        squares = pool.map(slow_square, [4, 5, 6])
        print("map() 返回时结果已齐：", squares)

        pending = pool.map_async(slow_square, [7, 8, 9])
        print("map_async() 立即返回，已完成：", pending.ready())
        print("get() 取回结果：", pending.get())
