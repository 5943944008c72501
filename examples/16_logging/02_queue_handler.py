r"""
QueueHandler 与 QueueListener
=============================

每个工作进程只装一个 ``QueueHandler``，把日志记录放进一个 ``multiprocessing.Queue``；
主进程里的 ``QueueListener`` 从队列取出记录，交给真正的处理器统一格式化和输出。
多个进程写同一个文件也不会互相踩踏，而且在任何启动方式下都一样。
"""

# %%
# 工作进程启动时调用 ``setup_worker``：根日志器只保留一个 ``QueueHandler``。
import logging
import logging.handlers
import multiprocessing
import re


def setup_worker(q):
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(q)]
    root.setLevel(logging.INFO)


def worker(q, n):
    setup_worker(q)
    log = logging.getLogger("任务")
    log.info("开始处理第 %d 批", n)
    try:
        1 / (n - 1)
    except ZeroDivisionError:
        log.exception("第 %d 批出错", n)


class ShortPaths(logging.Formatter):
    # 回溯里的文件路径只保留文件名，免得输出里出现构建机器上的目录。
    def format(self, record):
        text = super().format(record)
        return re.sub(r'File "[^"]*[/\\]([^/\\"]+)"', r'File "\1"', text)


# %%
# 监听器在主进程的一个后台线程里运行；``stop()`` 处理完队列里剩下的记录才返回。
if __name__ == "__main__":
    q = multiprocessing.Queue()
    handler = logging.StreamHandler()
    handler.setFormatter(ShortPaths("%(processName)-10s %(levelname)-5s %(message)s"))
    listener = logging.handlers.QueueListener(q, handler)
    listener.start()
    procs = [multiprocessing.Process(target=worker, args=(q, n)) for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    listener.stop()
