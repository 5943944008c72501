r"""
同一进程里的多个解释器
======================

Python 3.14 新增的 ``concurrent.interpreters`` 在同一个进程里创建相互隔离的解释器，
每个解释器有自己的模块、自己的 GIL；``InterpreterPoolExecutor`` 用一组这样的解释器执行任务，
接口和进程池一样。需要 Python 3.14 或更新的版本。
"""

# %%
# ``exec()`` 在子解释器里运行一段源代码，``call()`` 调用一个函数并返回结果，
# ``prepare_main()`` 把对象放进子解释器的 ``__main__``，
# ``create_queue()`` 创建能跨解释器传递的队列。
import sys
import time

# sphinx_gallery_mpnotes_min_python = "3.14"

WORK = [range(3_000_000)] * 4


def demo_interpreters():
    from concurrent import interpreters

    interp = interpreters.create()
    try:
        interp.exec("import sys; print('子解释器：', sys.implementation.name)")
        print("call(sum, range(10)) 返回：", interp.call(sum, range(10)))

        queue = interpreters.create_queue()
        interp.prepare_main(queue=queue, greeting="你好")
        interp.exec("queue.put(greeting + '，来自子解释器')")
        print("队列里取到：", queue.get(timeout=5))

        interp.exec("x = 1")
        print("主解释器里有 x 吗：", "x" in globals())
    finally:
        interp.close()


# %%
# 执行器用 pickle 把函数和参数送进工作解释器，传的是函数的名字，和 spawn 一样；
# 这里用内置的 ``sum``，任何解释器都找得到它。四份计算分别顺序执行和交给两个工作解释器。
def demo_pool():
    from concurrent.futures import InterpreterPoolExecutor

    start = time.perf_counter()
    expected = [sum(r) for r in WORK]
    sequential = time.perf_counter() - start
    with InterpreterPoolExecutor(max_workers=2) as executor:
        start = time.perf_counter()
        results = list(executor.map(sum, WORK))
        pooled = time.perf_counter() - start
    print("结果相同：", results == expected)
    speedup = sequential / pooled
    print(f"顺序 {sequential:.2f} 秒，两个工作解释器 {pooled:.2f} 秒，加速比 {speedup:.1f}")


if __name__ == "__main__":
    if sys.version_info < (3, 14):
        print(f"这个例子需要 Python 3.14 或更新的版本，当前是 {sys.version.split()[0]}")
    else:
        demo_interpreters()
        demo_pool()
