package io.crmflow.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host to every address it names; injected so tests can name any address without DNS. */
@FunctionalInterface
public interface Resolver {
    Resolver DNS = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
