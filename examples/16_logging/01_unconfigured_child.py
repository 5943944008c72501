r"""
子进程里的日志配置
==================

主进程用 ``logging.basicConfig()`` 配好了日志。fork 的子进程复制了这份配置；
spawn 和 forkserver 的子进程是新解释器，根日志器还是默认的 ``WARNING`` 级别、没有处理器：
``INFO`` 级别的记录被丢掉，``WARNING`` 由 logging 的“最后手段”处理器原样打印到标准错误，不带格式。
"""

# %%
# 子进程各记一条 ``INFO`` 和一条 ``WARNING``。
import logging
import multiprocessing

log = logging.getLogger("任务")


def child():
    log.info("子进程开始处理")
    log.warning("子进程遇到一个可疑的输入")


# %%
# 主进程只在主程序块里配置日志，然后启动子进程。
if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(processName)s %(levelname)s %(message)s")
    log.info("主进程启动子进程（启动方式 %s）", multiprocessing.get_start_method())
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    log.info("子进程结束")
