r"""
多个参数：starmap
=================

``map()`` 只给函数传一个参数；要传多个，
用 ``starmap()``\ （``Pool`` 与 ``ThreadPool`` 都有）把每个元组拆开，
或用 ``ThreadPoolExecutor.map()`` 同时传入几个可迭代对象。
结果始终按输入顺序排列。
"""

# %%
# 每个任务是 ``(底数, 指数, 睡眠秒数)``：先提交的任务睡得最久、最后完成，结果顺序却不受影响。
import functools
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool
from multiprocessing.pool import ThreadPool


def power(base, exp, delay=0.0):
    time.sleep(delay)
    return base**exp


# %%
if __name__ == "__main__":
    jobs = [(2, 3, 0.3), (3, 2, 0.2), (10, 1, 0.1)]

    with Pool(3) as pool:
        print("Pool.starmap：      ", pool.starmap(power, jobs))

    with ThreadPool(3) as pool:
        print("ThreadPool.starmap：", pool.starmap(power, jobs))
        square = functools.partial(power, exp=2)  # 固定其余参数，只剩一个参数，就能用 map()
        print("map + partial：     ", pool.map(square, [1, 2, 3]))

    with ThreadPoolExecutor(3) as executor:
        bases, exps, delays = zip(*jobs, strict=True)
        print("Executor.map：      ", list(executor.map(power, bases, exps, delays)))
