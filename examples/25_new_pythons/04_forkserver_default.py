r"""
默认启动方式变了
================

Python 3.14 起，Linux 等 POSIX 平台（macOS 除外）的默认启动方式从 fork 改为 forkserver。
依赖 fork 的代码要么改成显式传参，要么明确要 fork 的上下文。
下面的子进程读一个在主进程里、启动子进程之前修改过的全局变量。
"""

# %%
# fork 的子进程复制了主进程的内存，看得到修改后的值；spawn 和 forkserver 的子进程
# 重新导入本模块（或从导入过本模块的服务进程 fork 出来），看到的是模块顶层的初始值。
import multiprocessing

SETTING = "模块顶层的初始值"


def show(label):
    print(f"{label}：SETTING = {SETTING}", flush=True)


# %%
# 第一个子进程用默认的启动方式；第二个明确要求 fork（只在有 fork 的平台上）。
if __name__ == "__main__":
    SETTING = "主进程里改过的值"
    print("默认启动方式：", multiprocessing.get_start_method())
    p = multiprocessing.Process(target=show, args=("默认启动方式的子进程",))
    p.start()
    p.join()
    if "fork" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("fork")
        p = ctx.Process(target=show, args=("get_context('fork') 的子进程",))
        p.start()
        p.join()
