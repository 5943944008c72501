r"""
set_start_method 与 get_context
===============================

``set_start_method()`` 改的是整个程序的默认启动方式，只能调用一次；
``get_context()`` 返回一个上下文对象，只影响用它创建的进程、队列和锁，同一个程序里可以用好几个。
"""

# %%
# 子进程报告自己是由哪个上下文创建的（由父进程作为参数告诉它）。
import multiprocessing


def report(label):
    print(f"  子进程：{label}")


# %%
# 还没有人设置时，``get_start_method(allow_none=True)`` 返回 ``None``。
if __name__ == "__main__":
    print("设置之前：", multiprocessing.get_start_method(allow_none=True))
    print("本平台可用：", multiprocessing.get_all_start_methods())

# %%
# 在程序入口处设置一次。再设置一次，哪怕是同一个值，也会抛出 ``RuntimeError``，
# 除非传 ``force=True``，而库代码不应这样做。
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print("设置之后：", multiprocessing.get_start_method())
    try:
        multiprocessing.set_start_method("spawn")
    except RuntimeError as exc:
        print("再次设置：RuntimeError:", exc)
    p = multiprocessing.Process(target=report, args=("默认上下文（刚设置的 spawn）",))
    p.start()
    p.join()

# %%
# 上下文对象和 ``multiprocessing`` 模块有同样的接口。
# 用它创建的对象属于它，不改变全局设置；库代码应当这样指定启动方式。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context(method)
        p = ctx.Process(target=report, args=(f"get_context({method!r})",))
        p.start()
        p.join()
        current = multiprocessing.get_start_method()
        print(f"{method}: 上下文 {type(ctx).__name__}，全局设置仍是 {current}")
