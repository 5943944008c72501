r"""
进程池总要序列化
================

``Process(target=...)`` 在 fork 下不序列化目标函数，所以 lambda 也能跑；
进程池和执行器不一样：任务、参数和返回值都经过队列，在任何启动方式下都要序列化。
"""

# %%
# ``power`` 是模块顶层函数；``functools.partial`` 把它和参数绑在一起，仍然可以序列化。
import concurrent.futures
import functools
import multiprocessing


def power(base, exponent):
    return base**exponent


def make_counter():
    return (i for i in range(3))  # 生成器不能序列化


def show(label, call):
    try:
        print(f"{label}：{call()}")
    except Exception as exc:
        print(f"{label}：{type(exc).__name__}: {exc}")


# %%
# 同一个 lambda，交给 ``Pool`` 和 ``ProcessPoolExecutor`` 都失败；换成 ``partial`` 就可以。
# 返回值也要送回主进程，返回一个生成器同样失败。无论默认启动方式是哪种，输出都一样。
if __name__ == "__main__":
    square = lambda x: power(x, 2)  # noqa: E731
    with multiprocessing.Pool(2) as pool:
        show("Pool.apply_async(lambda)", lambda: pool.apply_async(square, (3,)).get(timeout=10))
        show("Pool.map(partial)", lambda: pool.map(functools.partial(power, exponent=2), [1, 2, 3]))
    with concurrent.futures.ProcessPoolExecutor(2) as executor:
        show("executor.submit(lambda)", lambda: executor.submit(square, 3).result())
        cube = functools.partial(power, exponent=3)
        show("executor.map(partial)", lambda: list(executor.map(cube, [1, 2, 3])))
        show("返回生成器的任务", lambda: executor.submit(make_counter).result())
