r"""
只在 fork 下能跑的代码
======================

四种常见写法在 fork 下都能运行，换到 spawn 或 forkserver 就坏了：
lambda、嵌套函数、持有不可序列化对象的实例方法，以及运行时才填好的模块级状态。
"""

# %%
# ``Counter`` 持有一把 ``threading.Lock``；``HANDLERS`` 是主进程运行时才注册好的表。
import multiprocessing
import threading

HANDLERS = {}


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = 0

    def bump(self):
        with self.lock:
            self.n += 1
        print("    Counter.bump 运行了")


def make_greeter(name):
    def greet():
        print(f"    嵌套函数运行了：你好，{name}")

    return greet


def dispatch(kind):
    handler = HANDLERS.get(kind)
    if handler is None:
        print(f"    HANDLERS 里没有 {kind!r}：子进程只看到 {HANDLERS}")
    else:
        handler()


def csv_handler():
    print("    csv_handler 运行了")


# %%
# 用默认启动方式逐个试；``start()`` 需要序列化进程对象时，错误在父进程里抛出。
if __name__ == "__main__":
    HANDLERS["csv"] = csv_handler
    print("启动方式：", multiprocessing.get_start_method())
    cases = [
        ("lambda", lambda: print("    lambda 运行了"), ()),
        ("嵌套函数", make_greeter("世界"), ()),
        ("实例方法", Counter().bump, ()),
        ("运行时注册的表", dispatch, ("csv",)),
    ]
    for label, target, args in cases:
        print(f"{label}：")
        p = multiprocessing.Process(target=target, args=args)
        try:
            p.start()
        except Exception as exc:
            print(f"    start() 失败：{type(exc).__name__}: {exc}")
        else:
            p.join()
