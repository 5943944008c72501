r"""
工作进程里的异常
================

任务抛出的异常被序列化送回主进程，在 ``result()`` 处原样重新抛出；工作进程里的回溯以文本形式
挂在异常的 ``__cause__`` 上。``map()`` 在迭代到出错的那一项时抛出。
"""

# %%
# ``parse`` 遇到不是数字的字符串会抛出 ``ValueError``。
import concurrent.futures
import re
import traceback


def parse(text):
    return int(text)


def short_paths(text):
    # 回溯里的文件路径只保留文件名，免得输出里出现构建机器上的目录；顺便去掉行尾空格。
    text = re.sub(r'File "[^"]*[/\\]([^/\\"]+)"', r'File "\1"', text)
    return "\n".join(line.rstrip() for line in text.splitlines())


# %%
# ``exception()`` 返回异常而不抛出；``result()`` 抛出同类型的异常。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(parse, "十二")
        print("exception() 返回：", repr(future.exception()))
        try:
            future.result()
        except ValueError as exc:
            print("result() 抛出：", type(exc).__name__, exc)
            print("__cause__ 的类型：", type(exc.__cause__).__name__)
            print("不捕获时终端里显示的回溯：")
            print(short_paths("".join(traceback.format_exception(exc))))

        # ``map()`` 先产出出错项之前的结果，迭代到出错项时抛出；后面的结果就拿不到了。
        got = []
        try:
            for value in executor.map(parse, ["1", "2", "three", "4"]):
                got.append(value)
        except ValueError as exc:
            print(f"map() 取到 {got} 之后抛出 ValueError：{exc}")

        # 任务里的异常不会弄坏执行器，它还能接着用。这一步也让执行器先丢掉 map() 出错时
        # 取消的任务再关闭：Python 3.11.2 及以前，刚取消任务就关闭偶尔会卡住（gh-94440）。
        print("之后再提交：", executor.submit(parse, "5").result())
