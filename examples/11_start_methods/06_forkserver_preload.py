r"""
set_forkserver_preload
======================

forkserver 的服务进程先导入预加载列表里的模块，之后由它 fork 出来的每个子进程
都直接继承这些已导入的模块，不用各自再导入一遍。列表要在服务进程启动（第一次创建进程）之前设置。
"""

# %%
# 子进程一开始就检查 ``xml.dom.minidom`` 是否已经在 ``sys.modules`` 里。本脚本自己从不导入它。
import multiprocessing
import sys

MODULE = "xml.dom.minidom"


def check(label):
    print(f"{label}：{MODULE} 已导入 = {MODULE in sys.modules}")


def run(ctx, label):
    p = ctx.Process(target=check, args=(label,))
    p.start()
    p.join()


# %%
# 服务进程导入了模块，主进程没有；forkserver 的子进程继承了它，spawn 的子进程没有。
if __name__ == "__main__":
    if "forkserver" not in multiprocessing.get_all_start_methods():
        print("本平台没有 forkserver 启动方式（Windows 只有 spawn）")
    else:
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload([MODULE])
        for i in range(2):
            run(forkserver, f"forkserver 子进程 {i + 1}")
        run(multiprocessing.get_context("spawn"), "spawn 子进程")
        check("主进程")
