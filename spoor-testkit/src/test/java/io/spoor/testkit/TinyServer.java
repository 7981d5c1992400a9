package io.spoor.testkit;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A stand-in server for the testkit's own tests: accepts and closes connections on the given port. */
public final class TinyServer {
  private TinyServer() {}

  public static void main(String[] args) throws Exception {
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      System.out.println("tiny server started");
      while (true) {
        try (Socket s = server.accept()) {
          s.getOutputStream().write('x');
        }
      }
    }
  }
}
