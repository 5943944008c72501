r"""
initializer：每个工作进程准备一次
=================================

``initializer(*initargs)`` 在每个工作进程启动时调用一次，
适合建立连接、加载只读数据这类昂贵的准备工作：结果放进工作进程的全局变量，之后的任务直接使用。
``initializer`` 抛出异常时，进程池随即损坏。
"""

# %%
# ``TABLE`` 和 ``LOADS`` 是每个工作进程自己的全局变量，由 ``load_table`` 填好。
import concurrent.futures
import logging
import re

TABLE = None
LOADS = 0


def load_table(prefix):
    global TABLE, LOADS
    TABLE = {n: f"{prefix}{n}" for n in range(100)}
    LOADS += 1


def lookup(n):
    return TABLE[n], LOADS


class ShortPaths(logging.Formatter):
    # 回溯里的文件路径只保留文件名，免得输出里出现构建机器上的目录。
    def formatException(self, exc_info):
        text = super().formatException(exc_info)
        return re.sub(r'File "[^"]*[/\\]([^/\\"]+)"', r'File "\1"', text)


def broken_init():
    # 执行器用 concurrent.futures 日志器报告 initializer 的异常；这里只是换一个缩短路径的格式。
    handler = logging.StreamHandler()
    handler.setFormatter(ShortPaths())
    logging.getLogger("concurrent.futures").addHandler(handler)
    raise OSError("连不上数据库")


# %%
# 八个任务共用各自工作进程里已经加载好的表；每个工作进程只加载了一次。
if __name__ == "__main__":
    pool = concurrent.futures.ProcessPoolExecutor(2, initializer=load_table, initargs=("条目",))
    with pool as executor:
        results = list(executor.map(lookup, range(8)))
    print("八个任务的结果：", [value for value, _ in results])
    print("执行任务时，所在工作进程加载过几次：", sorted({loads for _, loads in results}))

# %%
# ``initializer`` 失败：工作进程在标准错误上报告异常后退出，
# 已提交的任务得到 ``BrokenProcessPool``，之后也不能再提交。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1, initializer=broken_init) as executor:
        future = executor.submit(lookup, 1)
        try:
            future.result(timeout=30)
        except concurrent.futures.process.BrokenProcessPool as exc:
            print("result()：BrokenProcessPool:", exc)
        try:
            executor.submit(lookup, 2)
        except concurrent.futures.process.BrokenProcessPool as exc:
            print("再 submit()：BrokenProcessPool:", exc)
