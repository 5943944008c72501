r"""
子进程找不到主程序块里定义的类
===============================

类和函数按名字序列化，反序列化的一方要能在同名模块里找到它。定义在主程序块里的类，
spawn 和 forkserver 的子进程重新导入主模块时不会执行那段代码，于是报 ``Can't get attribute``。
"""

# %%
# ``Good`` 定义在模块顶层；子进程从队列里取对象，取失败就打印异常（路径只保留文件名）。
import multiprocessing
import re


class Good:
    def __repr__(self):
        return "Good()"


def receive(q, label):
    try:
        print(f"{label}：子进程取到 {q.get(timeout=10)!r}")
    except Exception as exc:
        message = re.sub(r"from '.*[/\\]", "from '…/", str(exc))
        print(f"{label}：子进程取不到：{type(exc).__name__}: {message}")


def send(obj, label):
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=receive, args=(q, label))
    p.start()
    q.put(obj)
    p.join()


# %%
# ``Bad`` 定义在主程序块里。父进程序列化它没有问题，问题出在子进程反序列化的时候。
if __name__ == "__main__":

    class Bad:
        def __repr__(self):
            return "Bad()"

    print("启动方式：", multiprocessing.get_start_method())
    send(Bad(), "主程序块里定义的 Bad")
    send(Good(), "模块顶层定义的 Good")
