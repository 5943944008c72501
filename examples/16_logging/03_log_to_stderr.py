r"""
multiprocessing.log_to_stderr
=============================

``multiprocessing`` 有自己的日志器（``get_logger()``），默认什么也不输出。
``log_to_stderr(level)`` 给它装上一个写标准错误的处理器，
能看到进程的启动、退出和清理过程，排查问题时很有用；spawn 和 forkserver 的子进程也会沿用这个设置。
"""

# %%
# 子进程通过同一个日志器记一条自己的消息。
import logging
import multiprocessing


def child():
    multiprocessing.get_logger().info("子进程自己的一条日志")


# %%
# ``INFO`` 级别：只看进程生命周期里的主要事件（``DEBUG`` 级别会多出很多细节）。
if __name__ == "__main__":
    logger = multiprocessing.log_to_stderr(logging.INFO)
    logger.info("主进程：启动子进程")
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    logger.info("主进程：子进程退出码 %s", p.exitcode)

# %%
# ``log_to_stderr()`` 返回的就是 ``get_logger()`` 的那个日志器；把级别调回去就不再输出。
if __name__ == "__main__":
    print("log_to_stderr() 返回 get_logger()：", logger is multiprocessing.get_logger())
    logger.setLevel(logging.WARNING)
    logger.info("这一条不会出现")
