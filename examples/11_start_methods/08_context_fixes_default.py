r"""
用上下文启动进程，会固定全局设置吗
==================================

还没有人调用 ``set_start_method()`` 时，先用 spawn 上下文启动一个进程，再看全局的启动方式：
在 3.13.12、3.14.3 以前（CPython 的 gh-109263），这一步会顺手把全局默认值固定下来，
程序之后再调用 ``set_start_method()`` 就是 ``RuntimeError``；修正之后，全局设置仍然没定，
调用照常成功。
"""

# %%
# 子进程什么也不做：要看的是启动它对父进程的全局设置有什么影响。
import multiprocessing
import sys


def nothing():
    pass


# %%
# 打印的是这次运行的实际情况：修正以前和以后的 Python 打印的不一样。
if __name__ == "__main__":
    print("Python", sys.version.split()[0])
    print("启动进程之前，全局启动方式：", multiprocessing.get_start_method(allow_none=True))
    p = multiprocessing.get_context("spawn").Process(target=nothing)
    p.start()
    p.join()
    fixed = multiprocessing.get_start_method(allow_none=True)
    print("用 spawn 上下文启动一个进程之后：", fixed)
    try:
        multiprocessing.set_start_method("spawn")
        print("之后调用 set_start_method('spawn')：成功")
    except RuntimeError as exc:
        print("之后调用 set_start_method('spawn')：RuntimeError:", exc)
